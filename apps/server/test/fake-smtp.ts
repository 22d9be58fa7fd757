import { SMTPServer } from 'smtp-server';

/** A real SMTP server on localhost (smtp-server): AUTH PLAIN without TLS, records each message. */
export function fakeSmtp() {
  const messages: Array<{ from: string; to: string; data: string; auth: string | null }> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    authMethods: ['PLAIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: `\0${auth.username ?? ''}\0${auth.password ?? ''}` });
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('tolak@')) {
        const err = Object.assign(new Error('no such user'), { responseCode: 550 });
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        messages.push({
          from: `MAIL FROM:<${from ? from.address : ''}>`,
          to: `RCPT TO:<${session.envelope.rcptTo.map((r) => r.address).join(',')}>`,
          data: Buffer.concat(chunks).toString('utf8'),
          auth: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  return {
    messages,
    /** Listens on `port` (0: any free port) and returns it. */
    async start(port = 0): Promise<number> {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      const addr = server.server.address();
      return typeof addr === 'object' && addr ? addr.port : 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text body of a recorded message (formatMessage sends base64). */
export const bodyText = (data: string) => Buffer.from(data.split('\r\n\r\n')[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');

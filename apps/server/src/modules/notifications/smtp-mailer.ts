import { randomUUID } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { MailMessage, Mailer } from './mailer.js';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS). */
  url: string;
  from: string;
  timeoutMs?: number;
  /** For a server with a self-signed certificate inside the Pemko network. */
  rejectUnauthorized?: boolean;
}

class SmtpError extends Error {}

/** A reply reader over a socket: collects lines until the final "NNN " line of a reply. */
function replies(socket: Socket | TLSSocket) {
  let buffer = '';
  let waiter: ((line: string) => void) | null = null;
  const ready: string[] = [];
  let lines: string[] = [];
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let i: number;
    while ((i = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        const reply = lines.join('\n');
        lines = [];
        if (waiter) {
          const w = waiter;
          waiter = null;
          w(reply);
        } else ready.push(reply);
      }
    }
  };
  socket.on('data', onData);
  return {
    next(timeoutMs: number): Promise<string> {
      const queued = ready.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new SmtpError('SMTP timeout')), timeoutMs);
        waiter = (line) => {
          clearTimeout(t);
          resolve(line);
        };
      });
    },
    detach: () => socket.off('data', onData),
  };
}

/** RFC 2047 encoded word for a UTF-8 header value (only when needed). */
function encodeHeader(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

const address = (a: string) => {
  if (!/^[^\s<>@,;]+@[^\s<>@,;]+$/.test(a)) throw new SmtpError(`invalid address ${a}`);
  return a;
};

/** The RFC 5322 message: UTF-8 text, base64 body (so no line is ever "." and 8-bit is safe). */
export function formatMessage(from: string, m: MailMessage, now = new Date()): string {
  const body = Buffer.from(m.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  const domain = from.split('@')[1] ?? 'localhost';
  return [
    `From: ${address(from)}`,
    `To: ${address(m.to)}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * A small SMTP client (RFC 5321): EHLO, STARTTLS when offered, AUTH PLAIN, one message per
 * connection. Enough for reminders; it sits behind `Mailer` so it can be swapped for nodemailer.
 */
export function createSmtpMailer(opts: SmtpOptions): Mailer {
  const url = new URL(opts.url);
  const implicitTls = url.protocol === 'smtps:';
  const host = url.hostname;
  const port = Number(url.port || (implicitTls ? 465 : 587));
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const tlsOptions = { servername: host, rejectUnauthorized: opts.rejectUnauthorized ?? true };

  return {
    async send(message) {
      const data = formatMessage(opts.from, message);
      let socket: Socket | TLSSocket = await new Promise((resolve, reject) => {
        const s: Socket | TLSSocket = implicitTls
          ? tlsConnect({ host, port, ...tlsOptions }, () => resolve(s))
          : netConnect({ host, port }, () => resolve(s));
        s.once('error', reject);
        s.setTimeout(timeoutMs, () => s.destroy(new SmtpError('SMTP timeout')));
      });
      let reader = replies(socket);
      const expect = async (codes: number[]) => {
        const reply = await reader.next(timeoutMs);
        const code = Number(reply.slice(0, 3));
        if (!codes.includes(code)) throw new SmtpError(`SMTP ${reply}`);
        return reply;
      };
      const command = async (line: string, codes: number[]) => {
        socket.write(`${line}\r\n`);
        return expect(codes);
      };
      try {
        await expect([220]);
        const ehlo = await command('EHLO pantau', [250]);
        if (!implicitTls && /STARTTLS/i.test(ehlo)) {
          await command('STARTTLS', [220]);
          reader.detach();
          socket = await new Promise<TLSSocket>((resolve, reject) => {
            const s = tlsConnect({ socket, ...tlsOptions }, () => resolve(s));
            s.once('error', reject);
          });
          reader = replies(socket);
          await command('EHLO pantau', [250]);
        }
        if (user) {
          await command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64')}`, [235]);
        }
        await command(`MAIL FROM:<${address(opts.from)}>`, [250]);
        await command(`RCPT TO:<${address(message.to)}>`, [250, 251]);
        await command('DATA', [354]);
        await command(`${data}\r\n.`, [250]);
        await command('QUIT', [221]).catch(() => undefined);
      } finally {
        socket.destroy();
      }
    },
  };
}

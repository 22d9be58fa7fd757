/** One short text message to a phone number (SMS or WhatsApp, whatever the gateway delivers). */
export interface TextMessage {
  /** E.164 with a plus sign, e.g. +6281234567890. */
  to: string;
  text: string;
}

/** Sends short text messages; the transport sits behind this interface like `Mailer`. */
export interface TextSender {
  send(message: TextMessage): Promise<void>;
}

export interface SmsGatewayOptions {
  /** The gateway's endpoint; receives POST application/json {"to": "+62…", "text": "…"}. */
  url: string;
  /** Sent as "Authorization: Bearer <token>" when set. */
  token?: string | null;
  timeoutMs?: number;
}

class SmsGatewayError extends Error {}

/**
 * A generic HTTP SMS/WhatsApp gateway: one JSON POST per message; any 2xx is success, anything
 * else (or a timeout) throws so the job queue retries later. Most Indonesian gateways (and a small
 * adapter in front of any other) can take this shape.
 */
export function createSmsGateway(opts: SmsGatewayOptions): TextSender {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async send(message) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is read and dropped so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new SmsGatewayError(`SMS gateway answered HTTP ${res.status}`);
    },
  };
}

/**
 * An Indonesian phone number as typed ("0812-3456 7890", "+62 812…", "62812…") in E.164
 * ("+6281234567890"); null when it cannot be a phone number.
 */
export function phoneE164(input: string): string | null {
  const digits = input.replace(/[\s()-]/g, '');
  let n: string;
  if (/^\+\d{8,15}$/.test(digits)) n = digits;
  else if (/^0\d{7,13}$/.test(digits)) n = `+62${digits.slice(1)}`;
  else if (/^62\d{7,13}$/.test(digits)) n = `+${digits}`;
  else return null;
  return n;
}

/** One e-mail; plain text only (reminders and notices, no HTML). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail. The SMTP implementation lives behind this interface so that the transport
 * (a small client, or nodemailer once approved) can change without touching the callers.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

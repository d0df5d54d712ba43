import nodemailer from "nodemailer";

export type MailMessage = { to: string; subject: string; text: string };

/** Sends e-mail; the product sends only password reset links. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer over SMTP (`smtp://` or `smtps://` URL with credentials), from `from`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

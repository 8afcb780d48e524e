import nodemailer from "nodemailer";
import { t } from "../i18n/catalogue.js";
import type { UiLocale } from "../i18n/locale.js";

export interface ConfirmationMail {
  to: string;
  title: string;
  confirmUrl: string;
  withdrawUrl: string;
  /** How many days the confirm link works. */
  days: number;
  locale: UiLocale;
}

export type SendConfirmation = (mail: ConfirmationMail) => Promise<void>;

/**
 * Double opt-in over SMTP (`smtp://user:pass@host:port`, `smtps://…`). Plain
 * text only: nothing the visitor typed but the address is in the mail. A server
 * that does not answer fails the send within seconds, so the signer learns it
 * while still on the page.
 */
export function smtpSender(smtpUrl: string, from = process.env.OPPROP_MAIL_FROM ?? "opprop <noreply@localhost>"): { send: SendConfirmation; close: () => void } {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send({ to, title, confirmUrl, withdrawUrl, days, locale }) {
      await transport.sendMail({ from, to, subject: t("collect.mailSubject", undefined, locale), text: t("collect.mailBody", { title, confirmUrl, withdrawUrl, days }, locale) });
    },
    close: () => transport.close(),
  };
}

import nodemailer from "nodemailer";

export interface ConfirmationMail {
  to: string;
  title: string;
  confirmUrl: string;
  withdrawUrl: string;
}

export type SendConfirmation = (mail: ConfirmationMail) => Promise<void>;

/**
 * Double opt-in over SMTP (`smtp://user:pass@host:port`, `smtps://…`). Plain
 * text only: nothing the visitor typed but the address is in the mail.
 */
export function smtpSender(smtpUrl: string, from = process.env.OPPROP_MAIL_FROM ?? "opprop <noreply@localhost>"): { send: SendConfirmation; close: () => void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, title, confirmUrl, withdrawUrl }) {
      await transport.sendMail({
        from,
        to,
        subject: "Bekreft underskriften din",
        text: [
          `Takk for at du vil signere «${title}».`,
          "",
          "Bekreft e-postadressen din med denne lenken. Underskriften teller først når den er bekreftet:",
          confirmUrl,
          "",
          "Vil du trekke underskriften tilbake senere, bruker du denne lenken. Da slettes opplysningene om deg:",
          withdrawUrl,
          "",
          "Har du ikke signert selv, kan du se bort fra denne e-posten.",
        ].join("\n"),
      });
    },
    close: () => transport.close(),
  };
}

import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

// Issue 13 §3: mail goes over SMTP when SMTP_URL is set (smtp://user:pass@host:port, smtps://… for TLS);
// without it, each message is written as an .eml file under .data/mail/ (MAIL_DIR to change the folder),
// so that a development machine sends nothing and the messages can still be opened.

export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };
export type SentMail = { messageId: string; file?: string };

export const MAIL_FROM_DEFAULT = "Conventions logement <ne-pas-repondre@conventions-logement.invalid>";

const g = globalThis as unknown as { __mailTransport?: { url: string; t: Transporter } };

function smtpTransport(url: string): Transporter {
  if (g.__mailTransport?.url !== url) g.__mailTransport = { url, t: nodemailer.createTransport(url) };
  return g.__mailTransport.t;
}

export function mailDir(): string {
  return process.env.MAIL_DIR ?? path.join(process.cwd(), ".data", "mail");
}

export async function sendMail(mail: Mail): Promise<SentMail> {
  const message = { from: process.env.MAIL_FROM ?? MAIL_FROM_DEFAULT, ...mail };
  const url = process.env.SMTP_URL;
  if (url) {
    const info = await smtpTransport(url).sendMail(message);
    return { messageId: info.messageId };
  }
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const dir = mailDir();
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}-${mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_")}.eml`);
  await writeFile(file, info.message as Buffer);
  return { messageId: info.messageId, file };
}

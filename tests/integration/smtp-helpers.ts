// Reading the messages an SMTP server of the tests received: the subject and the decoded text/plain part.
export type Received = { to: string[]; raw: string; text: string; subject: string };

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "=" && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) { bytes.push(parseInt(src.slice(i + 1, i + 3), 16)); i += 2; }
    else bytes.push(...Buffer.from(src[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(headers: string, body: string): string {
  const cte = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (cte === "quoted-printable") return decodeQuotedPrintable(body);
  if (cte === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** The text/plain part, decoded, with \n line ends. */
export function decodedText(raw: string): string {
  const msg = raw.replace(/\r\n/g, "\n");
  const boundary = /boundary="?([^";\n]+)"?/i.exec(msg)?.[1];
  const parts = boundary ? msg.split(`--${boundary}`).slice(1, -1) : [msg];
  for (const part of parts) {
    const cut = part.indexOf("\n\n");
    const headers = part.slice(0, cut);
    if (/content-type:\s*text\/plain/i.test(headers)) return decodeBody(headers, part.slice(cut + 2)).replace(/\n$/, "");
  }
  return "";
}

/** The Subject header, RFC 2047 encoded words decoded. */
export function subjectOf(raw: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw);
  if (!m) return "";
  return m[1].replace(/\r?\n[ \t]/g, " ").replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")));
}

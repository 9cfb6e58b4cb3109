/**
 * What the borrower wrote in an email reply, without what their mail client added: the quoted
 * reminder (which says "reply STOP" and would be read as the borrower's own words), the
 * attribution line before it, forwarded-message headers, the "-- " signature and the mobile
 * clients' "Sent from my iPhone" / "发自我的iPhone". English and Chinese clients' formats (Gmail,
 * Apple Mail, Outlook, QQ Mail, Foxmail, NetEase). Pure: text in, text out.
 */

/** A line at which the client's additions begin: everything from it on is dropped. */
const CUT_LINES: readonly RegExp[] = [
  // Gmail, Apple Mail, Thunderbird: "On Mon, 1 Dec 2026 at 10:00, Northwind <x@y> wrote:"
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
  // Gmail zh: "Northwind <x@y> 于2026年12月1日周一 10:00写道：", Apple Mail zh: "在 2026年12月1日，10:00，Northwind 写道："
  /^.{0,300}(?:写道|寫道)\s*[:：]\s*$/,
  // Outlook, QQ Mail, Foxmail, NetEase
  /^\s*-{2,}\s*(?:Original Message|Forwarded message|Original|原始邮件|原始郵件|回复的原邮件|转发邮件|轉寄郵件)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*Begin forwarded message:\s*$/i,
  // The signature delimiter (RFC 3676 4.3), and a bare "--" that clients leave after trimming.
  /^--\s?$/,
  // Mobile clients' signatures.
  /^\s*Sent from my \w+/i,
  /^\s*Sent from (?:Mail|Outlook|Yahoo Mail)\b/i,
  /^\s*Get Outlook for \w+/i,
  /^\s*发自我的\s*\S+/,
  /^\s*發自我的\s*\S+/,
  /^\s*来自我的\s*\S+/,
  /^\s*(?:发自|來自|来自)\s*(?:网易邮箱|QQ邮箱|手机QQ邮箱|Outlook)/,
];

/** An attribution split over two lines: "On Mon, 1 Dec 2026 at 10:00 Northwind <x@y>" then "wrote:". */
const ON_START = /^\s*On\b.{0,300}$/i;
const WROTE_END = /^.{0,300}\bwrote:\s*$/i;

/** Outlook's header block of the message answered: a From: line with Sent:/Date:/To:/Subject: in the next lines. */
const HEADER_FROM = /^\s*\**(?:From|发件人|寄件者)\s*\**\s*[:：]/i;
const HEADER_NEXT = /^\s*\**(?:Sent|Date|To|Subject|Cc|发送时间|日期|时间|收件人|主题|寄件日期|主旨)\s*\**\s*[:：]/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CUT_LINES.some((r) => r.test(line))) {
      end = i;
      break;
    }
    const next = lines[i + 1];
    if (ON_START.test(line) && next !== undefined && WROTE_END.test(next) && !WROTE_END.test(line)) {
      end = i;
      break;
    }
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(l))) {
      end = i;
      break;
    }
  }
  return (
    lines
      .slice(0, end)
      // Quoted lines interleaved with the answer (bottom- or inline-posting).
      .filter((l) => !/^\s*>/.test(l))
      .join('\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** A plain reading of an HTML body (when a mail has no text part): tags dropped, blocks on their own lines, entities decoded; quoted blocks marked with `>`. */
export function htmlToText(html: string): string {
  let s = html.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  // A blockquote's lines become quoted lines, which the stripper drops.
  s = s.replace(/<blockquote\b[\s\S]*?<\/blockquote\s*>/gi, (q) =>
    textOf(q)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  );
  return textOf(s);
}

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n________________________________\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

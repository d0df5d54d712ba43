/**
 * The pages' Content Security Policy. Scripts run only with this response's nonce ('strict-dynamic' lets the
 * scripts Next.js loads load their chunks), never inline without it; connections go to this origin only ('self'
 * covers its ws:/wss:); the live screen may be framed (signage players), nothing else may. Development adds
 * 'unsafe-eval' for hot reload.
 */
export function contentSecurityPolicy({ nonce, framedBy, dev }: { nonce: string; framedBy: "'none'" | "*"; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framedBy}`,
  ].join("; ");
}

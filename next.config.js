/**
 * Security headers for every page. Next.js inlines small bootstrap scripts, hence 'unsafe-inline' for scripts
 * (and 'unsafe-eval' in development for hot reload); everything else comes from this origin only. The live screen
 * may be framed (restaurants show it through signage players); every other page may not.
 * @type {import('next').NextConfig}
 */
const dev = process.env.NODE_ENV !== "production";

const csp = (frameAncestors) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The build type-checks what it ships (pages, lib, server); tests and benchmarks are checked by `tsc --noEmit`.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  async headers() {
    return [
      {
        source: "/((?!screen/).*)",
        headers: [...common, { key: "Content-Security-Policy", value: csp("'none'") }, { key: "X-Frame-Options", value: "DENY" }],
      },
      { source: "/screen/:path*", headers: [...common, { key: "Content-Security-Policy", value: csp("*") }] },
    ];
  },
};

export default nextConfig;

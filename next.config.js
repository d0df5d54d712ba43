/**
 * Security headers for every page. The Content Security Policy is set per response by proxy.ts (it carries a
 * fresh script nonce); X-Frame-Options backs up its frame-ancestors: the live screen may be framed (restaurants
 * show it through signage players), every other page may not.
 * @type {import('next').NextConfig}
 */
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
  // Styles go in the page's <head>, not a stylesheet of their own: on a phone's slow link the stylesheet was one
  // more round trip before the first paint, and the diner's dish buttons already vote before the scripts arrive
  // (server/http/formVote.ts). All of the app's CSS is ~14 KB raw (docs/adr/0032).
  experimental: { inlineCss: true },
  async headers() {
    return [
      {
        source: "/((?!screen/).*)",
        headers: [...common, { key: "X-Frame-Options", value: "DENY" }],
      },
      { source: "/screen/:path*", headers: common },
    ];
  },
};

export default nextConfig;

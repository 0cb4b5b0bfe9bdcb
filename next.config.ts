import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The public site serves pages compressed once at publish time; Next's per-request
  // compression would encode them a second time. (nginx compresses the rest in front.)
  compress: false,
  reactStrictMode: true,
  // Security headers for responses the proxy does not see (static files); the
  // proxy adds the per-request Content-Security-Policy to everything else.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Staff pages, their scripts and the JSON routes are gzipped per response. The public site
  // (/gk) never reaches Next: scripts/server.ts answers it first with its stored encodings.
  compress: true,
  reactStrictMode: true,
  experimental: {
    // Above the JSON import's own 1 MB limit, so that a bigger file is told 文件过大 by the import,
    // not refused by Next before it (which people would see as a generic failure).
    serverActions: { bodySizeLimit: "8mb" },
  },
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

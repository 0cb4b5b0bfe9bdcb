import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The public site serves pages compressed once at publish time; Next's per-request
  // compression would encode them a second time. (nginx compresses the rest in front.)
  compress: false,
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

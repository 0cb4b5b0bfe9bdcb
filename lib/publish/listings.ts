// What the public home and organ pages list. Pure.
export type ListedReport = { organName: string; organCode: string; year: number; title: string; publishedAt: string; version: number; withdrawnAt: string | null };
export type ListedOrgan = { code: string; name: string; parentCode: string | null };

// What the public home and organ pages list. Pure.
export type ListedReport = { organName: string; organCode: string; year: number; title: string; publishedAt: string; version: number; withdrawnAt: string | null };
export type ListedOrgan = { code: string; name: string; parentCode: string | null };
/** A past year published elsewhere (外部导入): listed with its original address, never as published here. */
export type ListedExternalReport = { year: number; title: string; sourceUrl: string | null; indexNumber: string | null; issuedOn: string | null };

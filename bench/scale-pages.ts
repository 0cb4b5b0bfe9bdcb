// The pages bench:scale measures at each province size. To measure another page, add a line:
// its address (from what the benchmark set up), who asks (a signed-in 上级主管 or 撰稿人, or
// nobody), and for public pages whether each request must miss every cache (cold).
export type ScaleContext = {
  /** A leaf organ's published report (real pages, published through the whole pipeline). */
  published: { code: string; year: number };
  /** A draft report of the same organ, for the staff pages. */
  draftId: string;
  /** The province (the root organ), where the 上级主管 works. */
  provinceId: string;
  /** The organ of the published and the draft report. */
  sampleOrganId: string;
};

export type PageToMeasure = {
  name: string;
  path: (context: ScaleContext) => string;
  as?: "supervisor" | "author";
  /** Drop the public page cache (through the real NOTIFY) before each request, so each is rendered. */
  cold?: boolean;
  /**
   * Announce a change of organs' progress before each request (through the real NOTIFY), so
   * that the dashboard's or 汇总's kept reading is read again: the whole tree (as when organs are
   * added, deleted or moved: every organ below is walked), or one organ's year.
   */
  progressChange?: (context: ScaleContext) => { tree: true } | { organId: string; year: number };
  /** Rename the sample organ before each request (by SQL: the database announces the renamed organ, and the organs' order changes). */
  renameOrgan?: boolean;
};

export const PAGES: PageToMeasure[] = [
  { name: "上级主管 我的工作台 /workspace", as: "supervisor", path: () => "/workspace" },
  {
    name: "上级主管 我的工作台, one organ changed before each request",
    as: "supervisor",
    path: () => "/workspace",
    progressChange: (c) => ({ organId: c.sampleOrganId, year: 2025 }),
  },
  { name: "上级主管 待办 /inbox", as: "supervisor", path: () => "/inbox" },
  { name: "撰稿人 待办 /inbox", as: "author", path: () => "/inbox" },
  { name: "supervision dashboard /organs/{province}/supervision", as: "supervisor", path: (c) => `/organs/${c.provinceId}/supervision` },
  {
    name: "dashboard, one organ changed before each request",
    as: "supervisor",
    path: (c) => `/organs/${c.provinceId}/supervision`,
    progressChange: (c) => ({ organId: c.sampleOrganId, year: 2025 }),
  },
  {
    name: "dashboard, organs added or moved before each request (the tree walked; none below moved)",
    as: "supervisor",
    path: (c) => `/organs/${c.provinceId}/supervision`,
    progressChange: () => ({ tree: true }),
  },
  { name: "dashboard, an organ below renamed before each request", as: "supervisor", path: (c) => `/organs/${c.provinceId}/supervision`, renameOrgan: true },
  { name: "汇总 /organs/{province}/summary?year=2024", as: "supervisor", path: (c) => `/organs/${c.provinceId}/summary?year=2024` },
  {
    name: "汇总, one of its organs changed before each request",
    as: "supervisor",
    path: (c) => `/organs/${c.provinceId}/summary?year=2024`,
    progressChange: (c) => ({ organId: c.sampleOrganId, year: 2024 }),
  },
  { name: "汇总, an organ below renamed before each request", as: "supervisor", path: (c) => `/organs/${c.provinceId}/summary?year=2024`, renameOrgan: true },
  { name: "/gk home, cache miss", path: () => "/gk", cold: true },
  { name: "/gk home, cached", path: () => "/gk" },
  { name: "/gk?q=镇&year=2024, cache miss", path: () => `/gk?q=${encodeURIComponent("镇")}&year=2024`, cold: true },
  { name: "organ page /gk/{code}, cache miss", path: (c) => `/gk/${c.published.code}`, cold: true },
  { name: "report page /gk/{code}/{year}, cache miss", path: (c) => `/gk/${c.published.code}/${c.published.year}`, cold: true },
  { name: "open data /gk/open-data/2024.csv, cached", path: () => "/gk/open-data/2024.csv" },
  { name: "open data /gk/open-data/2024.json, cached", path: () => "/gk/open-data/2024.json" },
  { name: "open data /gk/open-data/2024.csv, cache miss (built)", path: () => "/gk/open-data/2024.csv", cold: true },
  { name: "staff report page /reports/{id}", as: "author", path: (c) => `/reports/${c.draftId}` },
  { name: "staff section page (table 3)", as: "author", path: (c) => `/reports/${c.draftId}/sections/requests` },
];

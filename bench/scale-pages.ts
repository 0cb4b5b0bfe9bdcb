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
};

export type PageToMeasure = {
  name: string;
  path: (context: ScaleContext) => string;
  as?: "supervisor" | "author";
  /** Drop the public page cache (through the real NOTIFY) before each request, so each is rendered. */
  cold?: boolean;
};

export const PAGES: PageToMeasure[] = [
  { name: "上级主管 我的工作台 /workspace", as: "supervisor", path: () => "/workspace" },
  { name: "supervision dashboard /organs/{province}/supervision", as: "supervisor", path: (c) => `/organs/${c.provinceId}/supervision` },
  { name: "/gk home, cache miss", path: () => "/gk", cold: true },
  { name: "/gk home, cached", path: () => "/gk" },
  { name: "/gk?q=镇&year=2024, cache miss", path: () => `/gk?q=${encodeURIComponent("镇")}&year=2024`, cold: true },
  { name: "organ page /gk/{code}, cache miss", path: (c) => `/gk/${c.published.code}`, cold: true },
  { name: "report page /gk/{code}/{year}, cache miss", path: (c) => `/gk/${c.published.code}/${c.published.year}`, cold: true },
  { name: "staff report page /reports/{id}", as: "author", path: (c) => `/reports/${c.draftId}` },
  { name: "staff section page (table 3)", as: "author", path: (c) => `/reports/${c.draftId}/sections/requests` },
];

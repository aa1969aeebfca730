// Every TanStack Query key of the app, in one place, so a mutation invalidates exactly what it changed.
export type ReleaseFilters = { service?: string; q?: string; page?: number };
export type AlertFilters = { state?: string; severity?: string; service?: string; environment?: string; page?: number };
export type DeploymentFilters = {
  state?: string;
  service?: string;
  environment?: string;
  kind?: string;
  ids?: string;
  /** the Insights figure whose deployments are listed, over from–to */
  insight?: string;
  from?: string;
  to?: string;
  page?: number;
};
export type OverviewFilters = { q?: string; environment?: string; owner?: string; unhealthy?: "true"; page?: number };
export type InsightFilters = { service?: string; environment?: string; range?: string };
export type AuditFilters = {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
};

export type SloFilters = { service?: string; environment?: string; target?: string; page?: number };

export const queryKeys = {
  slos: {
    all: ["slos"] as const,
    list: (filters: SloFilters) => ["slos", "list", filters] as const,
    /** one target's chart series over a range */
    series: (targetId: string, range: string) => ["slos", "series", targetId, range] as const,
  },
  health: ["health"] as const,
  me: ["me"] as const,
  /** the prefix of every Overview query, so a change anywhere refreshes it whatever its filters */
  overview: ["overview"] as const,
  overviewList: (filters: OverviewFilters) => ["overview", filters] as const,
  /** the active services (pickers); the prefix of every service query, so a catalog change refreshes them all */
  services: ["services"] as const,
  serviceAdmin: {
    /** Settings › Services: active, archived or all services */
    list: (archived: "false" | "true" | "all") => ["services", "admin", archived] as const,
    detail: (id: string) => ["services", "detail", id] as const,
    /** the service's smoke suite as the editor shows it */
    smokeSuite: (id: string) => ["services", "detail", id, "smoke-suite"] as const,
    /** the names of the service's secrets (never their values) */
    secrets: (id: string) => ["services", "detail", id, "secrets"] as const,
  },
  environments: ["environments"] as const,
  /** an environment's deployment window now (GET /api/v1/environments/{slug}/window) */
  environmentWindow: (slug: string) => ["environments", slug, "window"] as const,
  releases: {
    all: ["releases"] as const,
    list: (filters: ReleaseFilters) => ["releases", "list", filters] as const,
    /** the choices of the New deployment form */
    recent: ["releases", "recent"] as const,
    /** the release page: per environment approvals, window, promotion, readiness, deployments, changes */
    detail: (id: string) => ["releases", "detail", id] as const,
  },
  alerts: {
    all: ["alerts"] as const,
    list: (filters: AlertFilters) => ["alerts", "list", filters] as const,
    /** a target's unresolved alerts (its page) */
    ofTarget: (targetId: string) => ["alerts", "target", targetId] as const,
    /** what each alert rule said on a target (its page) */
    rulesOfTarget: (targetId: string) => ["alerts", "rules", targetId] as const,
  },
  reviews: {
    all: ["reviews"] as const,
    open: ["reviews", "open"] as const,
  },
  deployments: {
    all: ["deployments"] as const,
    list: (filters: DeploymentFilters) => ["deployments", "list", filters] as const,
    /** one deployment, kept live by its event stream */
    detail: (id: string) => ["deployments", "detail", id] as const,
  },
  targets: {
    all: ["targets"] as const,
    /** the target with its provider's live status and rates */
    status: (id: string) => ["targets", "status", id] as const,
    /** a service's targets, archived ones included (Settings › Services) */
    ofService: (serviceSlug: string) => ["targets", "service", serviceSlug] as const,
  },
  smokeRuns: {
    all: ["smoke-runs"] as const,
    /** a deployment's runs (pre-traffic, post-deploy, post-rollback), refreshed on its check_result events */
    ofDeployment: (deploymentId: string) => ["smoke-runs", "deployment", deploymentId] as const,
    /** one run, polled until it finishes (Re-run) */
    detail: (id: string) => ["smoke-runs", "detail", id] as const,
    /** history: a service's or a target's runs, newest first */
    list: (filters: { service?: string; target?: string }) => ["smoke-runs", "list", filters] as const,
  },
  analysis: {
    /** a deployment's analysis runs and measurements, refreshed on its measurement and decision events */
    ofDeployment: (deploymentId: string) => ["analysis", "deployment", deploymentId] as const,
  },
  /** delivery metrics (GET /api/v1/insights) of a scope and range */
  insights: (filters: InsightFilters) => ["insights", filters] as const,
  audit: {
    all: ["audit"] as const,
    list: (filters: AuditFilters) => ["audit", "list", filters] as const,
  },
  users: ["users"] as const,
  tokens: ["tokens"] as const,
};

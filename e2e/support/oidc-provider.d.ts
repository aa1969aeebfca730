// The part of oidc-provider's API the test identity provider uses (the package ships no types).
declare module "oidc-provider" {
  type Account = { accountId: string; claims: (use: string, scope: string) => Promise<Record<string, unknown>> };
  type Configuration = {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    findAccount?: (ctx: unknown, sub: string) => Promise<Account | undefined>;
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: () => boolean };
    cookies?: { keys?: string[] };
    conformIdTokenClaims?: boolean;
  };
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    listen(port: number, host: string, callback?: () => void): unknown;
  }
}

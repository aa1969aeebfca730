// Every database column that holds a secret at rest, in one place: `npm run secrets:rotate` (and the
// migration step that encrypts values a SQL migration had to leave in plaintext) walks exactly this list, so
// a new secret column is added here and nowhere else. Each holds `encryptSecret` output or NULL.

export type SecretColumn = {
  /** the Prisma model's table */
  table: string;
  column: string;
  /** what a person reads in the rotation's report */
  label: string;
};

export const SECRET_COLUMNS: readonly SecretColumn[] = [
  { table: "Environment", column: "notifyWebhookEncrypted", label: "notification webhook URLs" },
  { table: "Target", column: "credentialsEncrypted", label: "provider credentials" },
  { table: "ServiceSecret", column: "valueEncrypted", label: "service secrets (smoke check headers)" },
];

/** The mark a SQL migration puts on a secret it moved into a secret column unencrypted; the next
 *  `npm run db:migrate` (or `npm run secrets:rotate`) encrypts it. Never read as a secret. */
export const PLAINTEXT_MARK = "plaintext:";

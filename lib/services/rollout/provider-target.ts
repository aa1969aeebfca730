// A Target row as its provider sees it: id, type, configuration, and the credentials decrypted only here,
// at the moment a provider call needs them (they never leave the worker or the route that made the call).
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { ProviderTarget, ProviderType } from "@/lib/providers/types";

export type ProviderTargetRow = {
  id: string;
  providerType: ProviderType;
  providerConfig: unknown;
  credentialsEncrypted: string | null;
};

/** The select that reads what `toProviderTarget` needs. */
export const providerTargetSelect = { id: true, providerType: true, providerConfig: true, credentialsEncrypted: true } as const;

export function toProviderTarget(row: ProviderTargetRow): ProviderTarget {
  const target: ProviderTarget = { id: row.id, providerType: row.providerType, providerConfig: row.providerConfig };
  if (row.credentialsEncrypted !== null) target.credentials = decryptSecret(row.credentialsEncrypted);
  return target;
}

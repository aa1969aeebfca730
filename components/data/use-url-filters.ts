"use client";
// Filters kept in the URL's query string, so a filtered view can be bookmarked, shared and navigated back to.
import { usePathname, useRouter } from "next/navigation";
import { useCallback } from "react";
import { toSearch } from "./api-fetch";

export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  return useCallback(
    (values: Record<string, string | number | undefined | null>) => router.push(`${pathname}${toSearch(values)}`),
    [router, pathname],
  );
}

/** The named text fields of a submitted form, trimmed. */
export function formValues(form: HTMLFormElement, names: string[]): Record<string, string> {
  const data = new FormData(form);
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? "").trim()]));
}

// How Flightdeck's revision names map onto Cloud Run's: a revision is `<service>-<name>` there (Cloud Run
// requires the service prefix), its tag is the name itself where it fits Cloud Run's 46-character limit,
// and the release it runs is recorded in template annotations.
import { AppError } from "@/lib/api/app-error";

export const ANNOTATION = { version: "flightdeck.dev/version", digest: "flightdeck.dev/digest", image: "flightdeck.dev/image" } as const;

const MAX_REVISION_ID = 63;
const MAX_TAG = 46;

/** The Cloud Run revision id of a Flightdeck revision name. */
export function cloudRunRevisionId({ service, name }: { service: string; name: string }): string {
  const id = `${service}-${name}`;
  if (id.length > MAX_REVISION_ID)
    throw new AppError(
      "validation",
      `Cloud Run revision ${id} would be longer than ${MAX_REVISION_ID} characters: use a shorter service or revision name`,
    );
  return id;
}

/** The Flightdeck name of a Cloud Run revision id (or resource name): the id without the service prefix. */
export function revisionNameOf({ service, id }: { service: string; id: string }): string {
  const short = id.split("/").pop() ?? id;
  return short.startsWith(`${service}-`) ? short.slice(service.length + 1) : short;
}

/** The traffic tag of a revision: its name, or (too long for a tag) a tail of it, which keeps the unique part. */
export function tagFor(name: string): string {
  if (name.length <= MAX_TAG) return name;
  return `r-${name.slice(-(MAX_TAG - 2)).replace(/^-+/, "")}`;
}

/** The image a revision runs: pinned to the release's digest. */
export function pinnedImage({ image, digest }: { image: string; digest: string }): string {
  if (!digest || image.includes("@")) return image;
  return `${image}@${digest}`;
}

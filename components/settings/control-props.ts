// What ties a control to the server's message about it: aria-invalid and aria-describedby pointing at the
// message Field renders (fieldErrorId), so a screen reader reads the error with the label.
import { fieldErrorId } from "@/components/ui/form";

export function controlProps(id: string, error: string | undefined) {
  return { id, ...(error ? { "aria-invalid": true as const, "aria-describedby": fieldErrorId(id) } : {}) };
}

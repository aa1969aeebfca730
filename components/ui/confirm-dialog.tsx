"use client";
// A modal confirmation for dangerous actions: the Dialog (focus inside, Escape cancels, page behind inert)
// with Cancel focused first, so a stray Enter does not confirm.
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormError } from "./form";

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, children, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} className="max-w-md">
      {children ? <div className="text-sm text-slate-600">{children}</div> : null}
      <FormError message={error} />
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

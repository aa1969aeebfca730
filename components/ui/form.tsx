// Labelled form controls. Every control has a visible <label>; errors are announced with role="alert".
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export const controlClassName =
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-600 focus:outline-2 focus:outline-sky-600/30 disabled:bg-slate-100";

/** `error` is the server's message about this field, shown in its place (give the control `aria-describedby={fieldErrorId(id)}`). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={fieldErrorId(id)} className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

export const fieldErrorId = (id: string) => `${id}-error`;

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(controlClassName, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(controlClassName, "pr-8", className)} {...props} />;
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}

/** The Cancel and submit buttons that end a dialog's form; the submit button says what is happening while pending. */
export function FormActions({
  onCancel,
  pending,
  submitLabel,
  pendingLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
}) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}

/** A settings form's submit button with "Saved." beside it once the last save succeeded. */
export function SaveRow({ pending, saved, label, className }: { pending: boolean; saved: boolean; label: string; className?: string }) {
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      {saved ? (
        <span role="status" className="text-sm text-emerald-700">
          Saved.
        </span>
      ) : null}
    </div>
  );
}

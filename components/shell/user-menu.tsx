"use client";
// The signed-in user's menu: who they are, their role, and Sign out. Opens with Enter/Space/ArrowDown,
// closes with Escape or a click outside, and returns focus to its button.
import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";

type Props = { name: string; email: string; roleLabel: string };

export function UserMenu({ name, email, roleLabel }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!isOpen) return;
    itemRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div ref={rootRef} className="relative" onKeyDown={(event) => event.key === "Escape" && isOpen && close()}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setIsOpen(true);
          }
        }}
        className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        {name}
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current opacity-70">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      {isOpen ? (
        <div className="absolute right-0 z-30 mt-1 w-64 rounded-lg border border-slate-200 bg-white py-1 text-slate-800 shadow-lg">
          <div className="border-b border-slate-100 px-3 py-2">
            <p className="truncate text-sm font-medium" data-testid="user-menu-email">
              {email}
            </p>
            <p className="text-xs text-slate-500" data-testid="user-menu-role">
              {roleLabel}
            </p>
          </div>
          <div role="menu" id={menuId} aria-label="Account">
            <button
              ref={itemRef}
              type="button"
              role="menuitem"
              onClick={() => signOut({ callbackUrl: "/signin" })}
              className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
            >
              Sign out
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

'use client';

import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import styles from './action-menu.module.css';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** destructive (shown in the danger colour) */
  danger?: boolean;
  disabled?: boolean;
}

/** Fixed position under the button (above it near the bottom of the window), right-aligned with it. */
function placeBelow(button: HTMLElement | null, count: number): CSSProperties {
  const r = button?.getBoundingClientRect();
  if (!r) return {};
  const below = window.innerHeight - r.bottom > 40 * count + 16;
  return {
    right: Math.max(8, window.innerWidth - r.right),
    ...(below ? { top: r.bottom + 4 } : { bottom: window.innerHeight - r.top + 4 }),
  };
}

/**
 * One "Actions" button per row that opens a menu of that row's actions (WAI-ARIA menu button:
 * Enter, Space or arrows open it; arrows, Home and End move; Escape or Tab close it, focus goes back
 * to the button). The menu is fixed-positioned so a scrolling table does not clip it.
 */
export function ActionMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  /** the item focused when the menu opened; null = closed */
  const [open, setOpen] = useState<number | null>(null);
  const [at, setAt] = useState<CSSProperties>({});

  useEffect(() => {
    if (open === null) return;
    items.current[open]?.focus();
  }, [open]);
  useEffect(() => {
    if (open === null) return;
    const close = (e: Event) => {
      if (!(e.target as Element).closest?.(`[data-menu="${id}"]`)) setOpen(null);
    };
    // The menu follows its button when the page or the table scrolls.
    const follow = () => setAt(placeBelow(button.current, actions.length));
    document.addEventListener('pointerdown', close);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    return () => {
      document.removeEventListener('pointerdown', close);
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
  }, [open, id, actions.length]);

  const show = (focus: number) => {
    setAt(placeBelow(button.current, actions.length));
    setOpen((focus + actions.length) % actions.length);
  };
  const hide = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const move = (to: number) => {
      e.preventDefault();
      items.current[(to + actions.length) % actions.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(actions.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      hide(true);
    } else if (e.key === 'Tab') hide(false);
  };

  return (
    <div className={styles.wrap} data-menu={id}>
      <button
        ref={button}
        type="button"
        className="secondary"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? `${id}-menu` : undefined}
        onClick={() => (open !== null ? hide(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        Actions <span aria-hidden="true">▾</span>
      </button>
      {open !== null && (
        <div
          id={`${id}-menu`}
          role="menu"
          aria-label={label}
          className={styles.menu}
          style={at}
          onKeyDown={onMenuKey}
        >
          {actions.map((a, i) => (
            <button
              key={a.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={a.disabled}
              className={a.danger ? styles.danger : undefined}
              onClick={() => {
                hide(true);
                a.onSelect();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

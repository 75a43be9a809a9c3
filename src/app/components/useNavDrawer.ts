import { useEffect, useRef, useState } from 'react';
import type { RouteId } from '../routes';
import { useMediaQuery } from '../hooks/useMediaQuery';

/** Below this width the sidebar is a drawer opened from the top bar; keep in step with styles.css. */
export const DRAWER_QUERY = '(max-width: 899px)';

/**
 * The navigation drawer on narrow screens: opened by the menu button, closed by a link, Escape, the
 * backdrop or its close button. While open the page behind is inert, so focus moves into the drawer and,
 * on closing, back to the menu button (or to the page a link opened).
 */
export function useNavDrawer(route: RouteId) {
  const narrow = useMediaQuery(DRAWER_QUERY);
  // The drawer is opened for one route, so following any link closes it without an effect.
  const [openAt, setOpenAt] = useState<RouteId | null>(null);
  const open = narrow && openAt === route;
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const main = useRef<HTMLElement>(null);
  // Where focus goes once the drawer has closed: it cannot move into the page while that is still inert.
  const focusAfterClose = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open) {
      focusAfterClose.current?.focus();
      focusAfterClose.current = null;
      return;
    }
    // The current page's link, or the first link on the welcome page.
    const nav = drawer.current;
    (
      nav?.querySelector<HTMLElement>('a[aria-current="page"]') ?? nav?.querySelector<HTMLElement>('a')
    )?.focus();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      focusAfterClose.current = menuButton.current;
      setOpenAt(null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  function closeAndFocus(target: HTMLElement | null) {
    if (!open) return;
    focusAfterClose.current = target;
    setOpenAt(null);
  }

  return {
    open,
    narrow,
    menuButton,
    drawer,
    main,
    toggle: () => (open ? closeAndFocus(menuButton.current) : setOpenAt(route)),
    dismiss: () => closeAndFocus(menuButton.current),
    /** A link in the drawer was followed: focus goes to the page it shows. */
    navigated: () => closeAndFocus(main.current),
  };
}

export type NavDrawer = ReturnType<typeof useNavDrawer>;

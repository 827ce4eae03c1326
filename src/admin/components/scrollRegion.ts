import { type RefObject, useEffect } from 'react';

/**
 * A table wider than the screen scrolls sideways; keyboard users must be able to reach that scroll area
 * (WCAG 2.1.1, axe "scrollable-region-focusable"). antd renders the scroller itself, so it is made focusable here,
 * after every render of its content.
 */
export function useFocusableScroll(ref: RefObject<HTMLElement | null>, label: string, deps: unknown[]): void {
  // Re-applied whenever the caller's data changes (antd may re-create the scroller).
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ??
      []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  }, deps);
}

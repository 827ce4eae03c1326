import type { ButtonHTMLAttributes } from 'react';

/**
 * A link-styled action in a table row (open the row's drawer): a native button with the console's link colour
 * (a11y.css `.gk-link-button`). antd's Button renders its wave effect and size and compact contexts for each one,
 * and a ledger page has 40 of them on its first render.
 */
export function LinkButton({ className, type, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type ?? 'button'}
      className={className ? `gk-link-button ${className}` : 'gk-link-button'}
      {...props}
    />
  );
}

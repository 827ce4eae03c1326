import { Button, type ButtonProps } from 'antd';

/**
 * The primary button that submits a form in place (a card's or a page's, not a DrawerForm's, which has its own):
 * busy while the save it sends is pending. Other Button props (data-testid, block, disabled, style) pass through.
 */
export function SubmitButton({ saving, ...props }: { saving: { isPending: boolean } } & ButtonProps) {
  return <Button type="primary" htmlType="submit" loading={saving.isPending} {...props} />;
}

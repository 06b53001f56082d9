import type { RouterOutputs } from '@estate/api';
import { cx } from '../../lib/class-names';
import { typeLabel } from '../../lib/format';
import styles from './TypeBadge.module.css';

/** "For sale" or "For rent", in the type's colours. */
export function TypeBadge({ type, className }: { type: RouterOutputs['post']['byId']['type']; className?: string }) {
  return <span className={cx(styles.badge, styles[type], className)}>{typeLabel[type]}</span>;
}

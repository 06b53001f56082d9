import { cx } from '../../lib/class-names';
import styles from './button.module.css';

interface ButtonLook {
  variant?: 'primary' | 'danger' | 'dangerSolid';
  small?: boolean;
  /** As wide as its container. */
  block?: boolean;
}

/** The classes of a button, for a `<button>` or a link that looks like one. */
export function buttonClass({ variant, small = false, block = false }: ButtonLook = {}): string {
  return cx(styles.button, variant && styles[variant], small && styles.small, block && styles.block);
}

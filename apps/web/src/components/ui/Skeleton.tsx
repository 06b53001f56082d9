import { cx } from '../../lib/class-names';
import styles from './Skeleton.module.css';

interface SkeletonProps {
  /** A line of text (`full` width, or as long as a heading or a `medium` or `short` line); without it, a block that `className` sizes. */
  line?: 'full' | 'heading' | 'medium' | 'short';
  className?: string | undefined;
}

/** A shimmering stand-in for content that is loading. */
export function Skeleton({ line, className }: SkeletonProps) {
  return <div className={cx(styles.skeleton, line && styles.line, line && styles[line], className)} aria-hidden="true" />;
}

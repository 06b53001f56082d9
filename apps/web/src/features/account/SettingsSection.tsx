import { type ReactNode, useId } from 'react';

interface SettingsSectionProps {
  title: string;
  description: ReactNode;
  danger?: boolean;
  /** Gets the heading's id, to name the section's form after it. */
  children: (titleId: string) => ReactNode;
}

/** One block of the account page: what it is about on the left, its form on the right. */
export function SettingsSection({ title, description, danger = false, children }: SettingsSectionProps) {
  const titleId = useId();
  return (
    <section className={danger ? 'settings-section settings-section--danger' : 'settings-section'} aria-labelledby={titleId}>
      <div className="settings-section__intro">
        <h2 id={titleId}>{title}</h2>
        <p>{description}</p>
      </div>
      <div className="settings-section__body">{children(titleId)}</div>
    </section>
  );
}

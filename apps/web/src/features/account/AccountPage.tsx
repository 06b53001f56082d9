import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader';
import { useSignedInUser } from '../../hooks/use-session';
import { paths } from '../../lib/paths';
import styles from './AccountPage.module.css';
import { AvatarField } from './AvatarField';
import { DeleteAccount } from './DeleteAccount';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { SettingsSection } from './SettingsSection';

/** The signed-in user's settings. */
export function AccountPage() {
  const me = useSignedInUser();
  return (
    <div className={`container ${styles.page}`}>
      <PageHeader
        title="Account settings"
        description={
          <>
            Signed in as <strong>{me.email}</strong> · <Link to={paths.profile(me.username)}>View your public profile</Link>
          </>
        }
      />
      <SettingsSection
        title="Profile"
        description="Your username and avatar appear on your listings and public profile. Your email stays private."
      >
        {(titleId) => (
          <div className={styles.profile}>
            <AvatarField me={me} />
            <ProfileForm me={me} titleId={titleId} />
          </div>
        )}
      </SettingsSection>
      <SettingsSection title="Password" description="Changing it signs you out everywhere else, in case someone else knew the old one.">
        {(titleId) => <PasswordForm titleId={titleId} />}
      </SettingsSection>
      <SettingsSection
        danger
        title="Delete account"
        description="Deletes your account with your listings, saved homes and conversations. This cannot be undone."
      >
        {() => <DeleteAccount />}
      </SettingsSection>
    </div>
  );
}

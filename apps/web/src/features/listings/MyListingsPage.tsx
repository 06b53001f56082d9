import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { PageHeader } from '../../components/ui/PageHeader';
import { PostList } from '../../components/ui/PostList';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import type { PostCardData } from '../../lib/card-lists';
import { paths } from '../../lib/paths';
import { DeleteListingDialog } from './DeleteListingDialog';
import styles from './MyListingsPage.module.css';
import { useMyListings } from './use-my-listings';

/** The homes the signed-in user lists, each with Edit and Delete. */
export function MyListingsPage() {
  const listings = useMyListings();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [deleting, setDeleting] = useState<PostCardData | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const hasListings = Boolean(listings.data?.pages[0]?.items.length);

  function confirmDelete(post: PostCardData) {
    setDeleting(post);
    dialog.current?.showModal();
  }

  function deleted(title: string) {
    void navigate(location, { replace: true, state: { notice: `“${title}” was deleted.` } });
    // The button that opened the dialog went with its card: focus starts again at the top.
    heading.current?.focus();
  }

  return (
    <div className={`container ${styles.page}`}>
      <PageHeader
        title="My listings"
        headingRef={heading}
        action={
          // With none yet, the empty list's own call to action is enough.
          hasListings && (
            <Link className={buttonClass({ variant: 'primary' })} to={paths.newListing()}>
              List a home
            </Link>
          )
        }
      />
      <PostList
        results={listings}
        end="That's every home you list."
        empty={
          <ResultsMessage>
            <h2>You have not listed a home yet</h2>
            <p>List one for sale or for rent: add photos, the price and a few details, and it appears in search at once.</p>
            <Link className={buttonClass({ variant: 'primary' })} to={paths.newListing()}>
              List a home
            </Link>
          </ResultsMessage>
        }
        actions={(post, titleId) => (
          <>
            <Link className={buttonClass({ small: true })} to={paths.editListing(post.id)} aria-describedby={titleId}>
              Edit
            </Link>
            <button
              type="button"
              className={buttonClass({ variant: 'danger', small: true })}
              aria-describedby={titleId}
              onClick={() => confirmDelete(post)}
            >
              Delete
            </button>
          </>
        )}
      />
      <DeleteListingDialog ref={dialog} listing={deleting} onDeleted={deleted} />
    </div>
  );
}

import { Link, useParams } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/PageHeader';
import { QueryState } from '../../../components/ui/QueryState';
import { ResultsMessage } from '../../../components/ui/ResultsMessage';
import { Skeleton } from '../../../components/ui/Skeleton';
import { usePageTitle } from '../../../hooks/use-page-title';
import { paths } from '../../../lib/paths';
import { usePost } from '../use-post';
import styles from './EditListingPage.module.css';
import { EditorPage } from './EditorPage';
import { ListingForm } from './ListingForm';
import type { Listing } from './listing-values';

const title = 'Edit listing';

/** The listing's owner changes it here; anyone else is told it is not theirs to change. */
export function EditListingPage() {
  const { id = '' } = useParams();
  const post = usePost(id);
  return (
    <QueryState
      query={post}
      pending={<EditorSkeleton />}
      notFound={{ title: 'Listing not found', message: 'This listing does not exist or was removed, so there is nothing to edit.' }}
      errorTitle="Could not load this listing"
    >
      {(listing) =>
        listing.isMine ? (
          <EditorPage>
            <PageHeader title={title} description={`Editing “${listing.title}”. Only the fields you change are saved.`} />
            {/* A new form per listing, so its fields start from that listing. */}
            <ListingForm key={listing.id} name={title} listing={listing} />
          </EditorPage>
        ) : (
          <NotYours listing={listing} />
        )
      }
    </QueryState>
  );
}

function NotYours({ listing }: { listing: Listing }) {
  usePageTitle('Only the lister can edit this listing');
  return (
    <EditorPage>
      <ResultsMessage>
        <h1 className={styles.notYours}>Only the lister can edit this listing</h1>
        <p>
          “{listing.title}” was listed by {listing.user.username}. You can view it, but not change it.
        </p>
        <Link className={buttonClass({ variant: 'primary' })} to={paths.post(listing.id)}>
          Back to the listing
        </Link>
      </ResultsMessage>
    </EditorPage>
  );
}

function EditorSkeleton() {
  return (
    <EditorPage>
      <div aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the listing…
        </p>
        <Skeleton line="heading" />
        <Skeleton line="medium" />
        <Skeleton className={styles.skeletonSection} />
        <Skeleton className={styles.skeletonSection} />
      </div>
    </EditorPage>
  );
}

/** A whole page waiting for its first answer. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="container page-loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <p role="status">{label}</p>
    </div>
  );
}

import { useDashboard } from './store.ts';

/** Quiet notes about settings that were ignored and files that could not be used. */
export function Notices({ fileErrors }: { fileErrors: number }) {
  const notices = useDashboard((state) => state.notices);
  const all = fileErrors > 0 ? [...notices, `${fileErrors} crime ${fileErrors === 1 ? 'file' : 'files'} could not be used: see “Data quality”.`] : notices;
  if (all.length === 0) return null;
  return (
    <div className="notices" role="status">
      <ul>
        {all.map((notice, i) => (
          <li key={i}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}

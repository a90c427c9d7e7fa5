/** What went wrong when the dashboard could not load, naming the file at fault. */
export function LoadError({ file, problem }: { file: string | null; problem: string }) {
  return (
    <main id="main" className="load-state">
      <div role="alert" className="load-error">
        <h2>The dashboard could not load its data</h2>
        {file !== null && (
          <p>
            Problem with <code>{file}</code>:
          </p>
        )}
        <p className="load-error-problem">{problem}</p>
        <p>If you look after this site, check that the file exists and is in the expected format, then reload the page.</p>
      </div>
    </main>
  );
}

import { useState } from 'react';
import { assignWard, configWithGroups, parseGroupCsv } from '../core/groupEditing.ts';
import { downloadBlob, fileSlug } from './export/download.ts';
import { useDashboard, type LoadState } from './store.ts';

/**
 * "Edit ward groups": each ward's group chosen from a list (or typed as a new one), or the
 * groups loaded from a CSV of ward and group; then the area config with them to download.
 */
export function GroupEditor({ load }: { load: Extract<LoadState, { status: 'ready' }> }) {
  const { area, data } = load;
  const { groups } = data;
  const [newGroup, setNewGroup] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  // A select per ward is drawn only while open: England has 7,681 wards.
  const [open, setOpen] = useState(false);
  const store = useDashboard.getState();
  const label = groups.names.length > 0 ? groups.label : 'Group';

  const loadCsv = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { groups: loaded, rejected } = parseGroupCsv(file.name, await file.text(), { ids: data.wardIds, names: data.wardNames }, label);
      store.setGroups(loaded);
      setMessages([`${file.name}: ${loaded.names.length} groups, ${loaded.wardGroup.filter((g) => g >= 0).length} wards placed.`, ...rejected]);
    } catch (error) {
      setMessages([error instanceof Error ? error.message : String(error)]);
    }
  };
  const downloadConfig = () => {
    const config = configWithGroups(area.config, groups, data.wardIds);
    downloadBlob(new Blob([`${JSON.stringify(config, null, 2)}\n`], { type: 'application/json' }), `${fileSlug(config.id)}.json`);
  };
  const choices = [...groups.names, ...(newGroup.trim() && !groups.names.includes(newGroup.trim()) ? [newGroup.trim()] : [])];
  return (
    <details className="group-editor" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Edit ward groups</summary>
      <p className="note">
        Put each ward in a group, or load a CSV with a ward column (code or name) and a group column. The summary, table, filters and report follow.
        Download the area config to keep the groups or to deploy them.
      </p>
      <div className="group-editor-actions">
        <label className="field">
          New group name
          <input type="text" value={newGroup} onChange={(event) => setNewGroup(event.target.value)} />
        </label>
        <label className="file-choose">
          Load groups from a CSV
          <input type="file" accept=".csv,.txt" onChange={(event) => void loadCsv(event.target.files?.[0])} />
        </label>
        <button type="button" onClick={downloadConfig}>
          Download the area config
        </button>
      </div>
      {messages.length > 0 && (
        <ul className="note" role="status">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {open && (
      <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Ward groups (scrollable)">
        <table className="group-table">
          <caption className="visually-hidden">The group of each ward</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col">{label}</th>
            </tr>
          </thead>
          <tbody>
            {data.wardNames.map((name, ward) => (
              <tr key={data.wardIds[ward]}>
                <th scope="row">{name}</th>
                <td>
                  <select
                    aria-label={`${label} of ${name}`}
                    value={groups.wardGroup[ward] >= 0 ? groups.names[groups.wardGroup[ward]] : ''}
                    onChange={(event) => store.setGroups(assignWard(groups, ward, event.target.value === '' ? null : event.target.value))}
                  >
                    <option value="">No group</option>
                    {choices.map((group) => (
                      <option key={group} value={group}>
                        {group}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </details>
  );
}

// "A new version is ready": shown in the top bar once an update of the app has installed.
import { applyUpdate, useUpdateWaiting } from './offline';
import './shell.css';

export function UpdateNotice() {
  const waiting = useUpdateWaiting();
  if (!waiting) return null;
  return (
    <div className="update-notice" role="status">
      A new version is ready.
      <button type="button" className="btn small primary" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}

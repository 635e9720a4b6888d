// The technician's lot-walk app. A static shell (no server data at render) so the service worker
// can precache this one HTML and open it offline; everything shown comes from the device or sync.
import { WalkShell } from "./_components/walk-shell";
import "./walk.css";

export default function WalkPage() {
  return <WalkShell />;
}

// Links between the manager's screens (the home's own sections are anchors on it).
export function ManagerNav() {
  return (
    <nav aria-label="Manager screens" className="mgr-subnav">
      <a href="/manager">Approvals and team</a>
      <a href="/manager/parts">Parts requests</a>
      <a href="/manager/templates">Templates</a>
      <a href="/manager/route">Driving order</a>
      <a href="/manager/walks">Walk planning</a>
      <a href="/manager/messages">Messages</a>
      <a href="/manager/analytics">Analytics</a>
      <a href="/manager/quality">Quality</a>
    </nav>
  );
}

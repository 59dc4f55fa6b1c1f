"use client";

import { Component, type ReactNode } from "react";
import { AlertIcon } from "@/components/ui/icons";
import { clearSavedChat } from "./saved-chat";

type State = { failed: boolean };

/** Never a blank page: if the chat itself fails to render, say so and offer a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error("The chat failed to render:", error);
    // A saved conversation that cannot be drawn would fail again on every reload: start afresh.
    clearSavedChat(window.localStorage);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="crash" role="alert">
        <AlertIcon size={28} className="error-icon" />
        <h1 className="crash-title">Something went wrong</h1>
        <p className="crash-text">The chat could not be displayed. Reloading the page usually fixes it.</p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

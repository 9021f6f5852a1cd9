/// Something that shows how far a long pass has got (the command line draws a
/// progress bar with it). A pass calls ``advance(by:)`` from any thread as it
/// finishes pieces of work, in units it announced to whoever made the progress.
public protocol WorkProgress: Sendable {
    /// `units` more units of work are done.
    func advance(by units: Int)
}

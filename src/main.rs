fn main() {
    newsroom::start_in_browser();
}

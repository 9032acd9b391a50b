"""Device drivers and simulators (Qt-free). Readings leave a device as frozen values."""
